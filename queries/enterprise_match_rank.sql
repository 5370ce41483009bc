-- How well an enterprise found by a name search matches it, for the list's order (queries/search.py puts this
-- expression where a query holds /* match_rank */, when the search has pinyin initials): 0 the name holds the
-- text (or it is the code), 1 the whole name's initials are the text (give or take 安徽 and a legal form:
-- $initials_whole, data.pinyin.whole_pattern), 2 the initials start with it (after 安徽 or not), 3 hold it
-- contiguous, 4 hold it in runs (data.pinyin.runs_pattern). Either reading of the name counts.
case
    when contains(e.name, $text) or e.uscc = upper($text) then 0
    when regexp_full_match(e.name_initials, $initials_whole)
        or regexp_full_match(coalesce(e.name_initials_alt, ''), $initials_whole) then 1
    when regexp_matches(e.name_initials, '^(ah)?' || lower($text))
        or regexp_matches(coalesce(e.name_initials_alt, ''), '^(ah)?' || lower($text)) then 2
    when contains(e.name_initials, lower($text)) or contains(coalesce(e.name_initials_alt, ''), lower($text)) then 3
    else 4
end
