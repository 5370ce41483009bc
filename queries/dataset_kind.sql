-- One row: kind ('demo' while the demo dataset is loaded, else 'real'; 'empty' for a store without data).
select coalesce(max(value), 'empty') as kind from meta where key = 'dataset'
