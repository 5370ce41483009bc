"""Everything that writes to the store. Every public function that writes first reads the acting user from the store
and checks the action and the county (``records.access.require``); a page hiding a button is never the check."""
