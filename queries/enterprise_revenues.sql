-- Current revenue (亿元) of the enterprises of $adcodes (null: all): uscc, revenue.
-- $adcodes: list of varchar, or null.
select uscc, revenue from enterprises
where revenue is not null and ($adcodes::varchar[] is null or adcode in (select unnest($adcodes::varchar[])))
