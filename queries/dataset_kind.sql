-- One row: kind ('demo' while any figure or enterprise on show comes from the generated demo data (示例生成), even
-- after some counties' confirmed uploads replaced theirs; else 'real'; 'empty' for a store without data).
select case
    when not exists (select 1 from meta where key = 'dataset') then 'empty'
    when exists (select 1 from cluster_figures as f join sources as s using (source_id) where s.kind = '示例生成')
      or exists (select 1 from enterprises as e join sources as s using (source_id) where s.kind = '示例生成')
      then 'demo'
    else 'real'
end as kind
