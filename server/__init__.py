"""Serving the app as an ASGI application (Streamlit's ``st.App`` on uvicorn; ``serve.py`` is the entry): what
happens before the first request (``startup``: the store is opened, or the process refuses to start and says why),
the HTTP routes beside Streamlit's own (``routes``: ``/readyz`` for a load balancer), and errors that escape a page
run or a widget callback (``errors``)."""
