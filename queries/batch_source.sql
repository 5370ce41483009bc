-- The 上报数据 source of a confirmed batch. $source_id, $title, $detail: varchar.
insert into sources (source_id, kind, title, detail) values ($source_id, '上报数据', $title, $detail)
on conflict (source_id) do update set kind = excluded.kind, title = excluded.title, detail = excluded.detail
