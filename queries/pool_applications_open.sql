-- The applications of a cluster still in review (已提交, 市级通过): application_id. $cluster_id: varchar.
select application_id from pool_applications
where cluster_id = $cluster_id and status in ('已提交', '市级通过')
