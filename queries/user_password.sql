-- A new password hash for an account; $must_change: whether it is a temporary one (an administrator's reset).
-- Clears failed logins and any lock. $username, $password_hash: varchar; $must_change: boolean; $now: timestamp.
update users
set password_hash = $password_hash, must_change_password = $must_change, password_changed_at = $now,
    failed_logins = 0, locked_until = null
where username = $username
