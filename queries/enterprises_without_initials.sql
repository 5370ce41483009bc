-- Enterprises stored without their pinyin initials (written before migration 0005, or by a writer that left them
-- out): uscc, name. No parameters.
select uscc, name from enterprises where name_initials is null
