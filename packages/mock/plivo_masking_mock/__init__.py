"""A stateful mock of Plivo's Number Masking session API, driven by openapi.yaml.

Entry points: `plivo_masking_mock.app.create_app` (the ASGI app),
`plivo_masking_mock.server.MockServer` (uvicorn on a loopback port in a thread), the
`plivo-masking-mock` command (`plivo_masking_mock.cli`) and the pytest fixtures of
`plivo_masking_mock.pytest_plugin`. See the documentation site's "The mock server" page.

Nothing is imported here, so that loading the pytest plugin stays cheap.
"""
