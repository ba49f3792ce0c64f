"""An address with a user name before '@' reads like one site and goes to another:
'https://goteborg.se%2Fwps%2Fportal@evil.example/' goes to evil.example. Refused in every
address field, as written or encoded (ogiltig-url, docs/decisions/0663). The case folder
url-med-anvandarnamn holds the places in a source's and a police list edition's 'url'."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from utsatta.model.common import Url

_URL: TypeAdapter[str] = TypeAdapter(Url)


def _error(value: str) -> tuple[str, str] | None:
    try:
        _URL.validate_python(value)
    except ValidationError as exc:
        (error,) = exc.errors()
        return error["type"], error["msg"]
    return None


@pytest.mark.parametrize(
    ("value", "host"),
    [
        ("https://goteborg.se%2Fwps%2Fportal@evil.example/", "evil.example"),
        ("https://goteborg.se%40evil.example/", "evil.example"),
        ("https://goteborg.se%40EVIL.example", "EVIL.example"),
        ("http://user:pw@goteborg.se:8080/x", "goteborg.se:8080"),
        ("https://a@b@evil.example?q", "evil.example"),  # the host follows the last '@'
        ("https://goteborg.se\uff20evil.example/", "evil.example"),  # full-width '@'
        ("https://goteborg.se\ufe6bevil.example/", "evil.example"),  # small '@'
        ("https://@goteborg.se/", "goteborg.se"),
    ],
    ids=ascii,
)
def test_a_user_name_is_refused(value: str, host: str) -> None:
    error = _error(value)
    assert error is not None and error[0] == "ogiltig-url"
    assert f"leder till webbplatsen '{host}': det som står före" in error[1]


@pytest.mark.parametrize(
    "value",
    [
        "https://goteborg.se/a@b",
        "https://goteborg.se?mail=a@b.se",
        "https://goteborg.se/?mail=a%40b.se",
        "https://goteborg.se#@evil.example",
        "https://goteborg.se/wps/portal/start",
    ],
)
def test_an_at_after_the_host_is_fine(value: str) -> None:
    assert _error(value) is None


def test_the_message() -> None:
    assert _error("https://goteborg.se%2Fwps%2Fportal@evil.example/") == (
        "ogiltig-url",
        "'https://goteborg.se%2Fwps%2Fportal@evil.example/' leder till webbplatsen "
        "'evil.example': det som står före '@' är ett användarnamn, inte webbplatsens namn, så "
        "adressen kan se ut att gå till en annan webbplats än den gör. En adress i datat har "
        "inget användarnamn. Kopiera adressen på nytt från webbläsarens adressfält när sidan "
        "är öppen, eller ta bort allt från '//' till och med '@'.",
    )
