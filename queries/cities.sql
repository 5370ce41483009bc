-- One row per prefecture-level city (16): adcode, name, region (皖北/皖中/皖南), ordered by adcode.
select adcode, name, region from regions where level = '市' order by adcode
