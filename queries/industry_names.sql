-- The industry vocabulary of uploads: every industry with a chain or a recorded cluster, by name: industry.
select industry from chains union select industry from clusters order by industry
