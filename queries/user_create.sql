-- A new account (must change its password at first login).
-- $username, $display_name, $role, $adcode (null for unscoped roles), $password_hash: varchar; $now: timestamp.
insert into users (username, display_name, role, adcode, password_hash, disabled, must_change_password,
                   failed_logins, locked_until, created_at, password_changed_at)
values ($username, $display_name, $role, $adcode, $password_hash, false, true, 0, null, $now, $now)
