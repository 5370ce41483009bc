"""汇报材料: the briefing of a selection (map, KPI strip, tier table, honour ranking) and its .pptx and .pdf files."""
