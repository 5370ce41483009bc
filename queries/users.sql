-- Every account, without password hashes, for the administrator's list: username, display_name, role, adcode,
-- region_name (the city or county it is bound to), disabled, locked_until, failed_logins, must_change_password,
-- created_at, password_changed_at.
select u.username, u.display_name, u.role, u.adcode, r.name as region_name, u.disabled, u.locked_until,
       u.failed_logins, u.must_change_password, u.created_at, u.password_changed_at
from users as u
left join regions as r using (adcode)
order by case u.role when '省级管理员' then 1 when '省级审核' then 2 when '市级审核' then 3 when '县级填报' then 4 else 5 end,
         u.adcode nulls first, u.username
