-- One account by username (none if unknown), with its password hash (for accounts.py only).
-- $username: varchar.
select * from users where username = $username
