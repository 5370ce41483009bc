-- Where each honour record comes from (公开报道 / 示例生成 / 上报数据), like every other figure of the store.
alter table enterprise_honours add column source_id varchar default 'demo';
update enterprise_honours set source_id = 'demo' where source_id is null;
alter table enterprise_honours alter column source_id set not null;
