-- Enterprises' pinyin initials from the registered frame filled_initials (uscc, main, alt). No parameters.
update enterprises set name_initials = f.main, name_initials_alt = f.alt
from filled_initials as f
where enterprises.uscc = f.uscc
