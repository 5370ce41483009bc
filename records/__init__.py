"""Everything that writes to the store. Every public function that writes first reads the acting user from the store
and checks the action and the county (``records.access.require``); a page hiding a button is never the check."""


class Refused(Exception):
    """A write the data layer refuses (outside the user's role or region, a step that cannot be taken now, a bad
    value or file), with a Chinese message for the page to show. Every writer's refusals are of this class."""
