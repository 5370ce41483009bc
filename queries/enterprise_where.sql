-- The conditions of an enterprise search, one per filter, on the search index (queries/search_index.sql) aliased
-- e. A query that holds the marker /* enterprise filters */ gets the conditions of the filters its caller passed
-- (not null), joined with "and" (queries.compose); an unused filter is not in the SQL at all. Each block starts
-- with "-- @name" and uses only its own $parameters. $initials (with $text, which it replaces) is the regular
-- expression of data.pinyin.runs_pattern: the query's letters as up to three runs of two or more initials
-- ($initials_like, the letters in order with anything between, is a cheaper first filter).
-- Places: $adcodes/$cities keep the enterprises in any of the counties or cities listed (either list may be
-- empty, or left out: queries.search.OPTIONAL); $not_adcodes/$not_cities those in none of them.
-- @region
e.region = $region
-- @city
e.city_adcode = $city
-- @adcodes
list_contains(coalesce($adcodes::varchar[], []), e.adcode)
    or list_contains(coalesce($cities::varchar[], []), e.city_adcode)
-- @not_adcodes
not (list_contains(coalesce($not_adcodes::varchar[], []), e.adcode)
     or list_contains(coalesce($not_cities::varchar[], []), e.city_adcode))
-- @cluster
e.cluster_id = $cluster
-- @member
(e.cluster_id is not null) = $member
-- @industry
e.industry = $industry
-- @link
e.link_id = $link
-- @revenue_min
e.revenue >= $revenue_min
-- @revenue_max
e.revenue <= $revenue_max
-- @text
contains(e.name, $text) or e.uscc = upper($text)
-- @initials
contains(e.name, $text) or e.uscc = upper($text)
    or (e.name_initials like $initials_like and regexp_matches(e.name_initials, $initials))
    or (e.name_initials_alt like $initials_like and regexp_matches(e.name_initials_alt, $initials))
-- @uscc
e.uscc = $uscc
-- @honours
list_bool_or(list_transform(e.held, lambda h: h.year <= $year and list_contains($honours::varchar[], h.honour)))
