"""Page addresses as pages state them: often malformed (`http://[`), never a reason to fail.
urllib raises ValueError for a bad IPv6 host or port; here such an address has no parts."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_url(address: str | None) -> SplitResult | None:
    """The address's parts, or None when it is empty or malformed."""
    if not address:
        return None
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - a bad port raises only when it is read
    except ValueError:
        return None
    return parts


def host_of(address: str | None) -> str | None:
    parts = split_url(address)
    return parts.hostname if parts else None


def site_host(host: str | None) -> str | None:
    """A host as a site is named: lower case, without a trailing dot or a leading `www.`."""
    return host.lower().rstrip(".").removeprefix("www.") if host else None
