-- Versions of the 汇报模式 deck the province saved (config/deck.toml is the deck until then).
create table presentation_decks (
    version integer primary key,
    saved_at timestamp not null,
    saved_by varchar not null,
    body json not null                 -- the slides as deck.to_json writes them
);
