"""The sandbox console: web pages of the mock under `/__mock__/console` (docs/console.md).

Server-rendered HTML (Jinja2 templates in `templates/`) and one small script (`static/`), all
served by the mock itself: no CDN, it works offline. The pages poll fragments of themselves
and the admin API's delivery log, so new sessions, state changes and deliveries appear
without a reload. Access rules are those of the whole admin prefix (`admin_access`).
"""

from plivo_masking_mock.console.routes import console_routes

__all__ = ["console_routes"]
