-- Whether an enterprise is 规模以上 (annual revenue ≥ 2000万元): the denominator of honour densities.
-- A 名录 may list smaller firms too (a 专精特新 firm need not be 规上); rows stored before this column are 规上.
alter table enterprises add column above_scale boolean default true;
update enterprises set above_scale = true where above_scale is null;
alter table enterprises alter column above_scale set not null;
