-- The recorded clusters of a county: name, cluster_id. $adcode: varchar.
select name, cluster_id from clusters where adcode = $adcode
