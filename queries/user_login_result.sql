-- Records a login attempt: $failed_logins (0 after a success) and $locked_until (null, or the end of a lock).
-- $username: varchar; $failed_logins: integer; $locked_until: timestamp or null.
update users set failed_logins = $failed_logins, locked_until = $locked_until where username = $username
