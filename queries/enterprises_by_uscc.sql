-- The firms of the 名录 among some codes: uscc, name, adcode. $usccs: list of varchar.
select uscc, name, adcode from enterprises where uscc in (select unnest($usccs::varchar[]))
