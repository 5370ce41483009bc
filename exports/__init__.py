"""What leaves the app as files: lists as CSV/.xlsx with formula-like text neutralised (tables), and the 汇报材料
(briefing: the content; pptx_file and pdf_file: the files; fonts: the Chinese fonts they are drawn in)."""
