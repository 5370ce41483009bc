-- Every firm of the 名录 by code, name and county: what a published 名单 is matched against.
select uscc, name, adcode from enterprises order by adcode, uscc
