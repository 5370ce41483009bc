-- Every recorded cluster: cluster_id, adcode, name, industry.
select cluster_id, adcode, name, industry from clusters order by adcode, name
