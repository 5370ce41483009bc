-- The conditions of an enterprise search, one per filter, on enterprises aliased e. A query that holds the
-- marker /* enterprise filters */ gets the conditions of the filters its caller passed (not null), joined with
-- "and" (queries.compose); an unused filter costs nothing, so the planner can use the key index (a whole code)
-- and skip row groups (revenue). Each block starts with "-- @name" and uses only its own $parameters.
-- @region
e.adcode in (select adcode from regions where level = '区县' and region = $region)
-- @city
e.adcode in (select adcode from regions where level = '区县' and city_adcode = $city)
-- @adcodes
e.adcode in (select unnest($adcodes::varchar[]))
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
contains(e.name, $text) or e.uscc = upper($text) or e.name_initials like $initials
    or e.name_initials_alt like $initials
-- @uscc
e.uscc = $uscc
-- @honours
e.uscc in (select uscc from enterprise_honours where list_contains($honours::varchar[], honour) and year <= $year)
