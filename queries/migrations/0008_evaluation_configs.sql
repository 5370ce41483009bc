-- Versions of the 赛马评价 configuration the province saved (config/evaluation.toml is version 1 until then).
create table evaluation_configs (
    version integer primary key,
    saved_at timestamp not null,
    saved_by varchar not null,
    body json not null                 -- the configuration as analysis.evaluation.Config.to_dict() writes it
);
