-- The honours of a county's confirmed firms as the 企业荣誉 sheet pre-fills them: uscc, honour, year.
-- $adcode: varchar.
select h.uscc, h.honour, h.year
from enterprise_honours as h
join enterprises as e on e.uscc = h.uscc
where e.adcode = $adcode
order by h.uscc, h.honour
