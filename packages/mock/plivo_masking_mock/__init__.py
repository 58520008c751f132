"""A stateful mock of Plivo's Number Masking session API, driven by openapi.yaml.

Entry points: `mock_server.app.create_app` (the ASGI app), `mock_server.server.MockServer`
(uvicorn on a loopback port in a thread), the `plivo-masking-mock` command (`mock_server.cli`)
and the pytest fixtures of `mock_server.pytest_plugin`. See README.md ("The mock server") and
docs/mock-server.md.

Nothing is imported here, so that loading the pytest plugin stays cheap.
"""
