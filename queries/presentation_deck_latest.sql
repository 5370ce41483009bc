-- The latest saved 汇报模式 deck (none: config/deck.toml applies): version, saved_at, saved_by, body.
select version, saved_at, saved_by, body from presentation_decks order by version desc limit 1
