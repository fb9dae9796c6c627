from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))

from archive_fixtures import jiangcheng_spring, make_issue_pdf, sample_issues  # noqa: E402

from jianbao.archive.ingest import add_issue  # noqa: E402
from jianbao.archive.store import Archive  # noqa: E402


@pytest.fixture(scope="session")
def reader_db(tmp_path_factory) -> Path:
    """An archive of the invented issues; the spring issue has a PDF, so its
    pages have images and clickable regions."""
    folder = tmp_path_factory.mktemp("reader")
    pdf = make_issue_pdf(folder / "issue.pdf")
    db = folder / "archive.db"
    with Archive(db) as arc:
        add_issue(arc, jiangcheng_spring(str(pdf)))
        for issue in sample_issues()[1:]:
            add_issue(arc, issue)
    return db


@pytest.fixture(scope="session")
def live_server(reader_db):
    """The reader served by uvicorn on a free port of 127.0.0.1.

    The socket is bound and listening before the server thread starts, so
    the first request simply waits in the backlog: no polling needed.
    """
    import uvicorn

    from jianbao.web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(reader_db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
