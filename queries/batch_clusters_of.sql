-- The clusters of a batch: every column of batch_clusters. $batch_id: integer.
select * from batch_clusters where batch_id = $batch_id order by row_number
