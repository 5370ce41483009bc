-- An account's name, role, region and whether it is disabled (enabling also clears a lock).
-- $username, $display_name, $role, $adcode: varchar; $disabled: boolean.
update users
set display_name = $display_name, role = $role, adcode = $adcode, disabled = $disabled,
    failed_logins = case when $disabled then failed_logins else 0 end,
    locked_until = case when $disabled then locked_until else null end
where username = $username
