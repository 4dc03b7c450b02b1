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


def site_labels(address: str | None) -> tuple[str, ...]:
    """The names in a page's address, lower case, its registrable name last: `docs`,
    `supabase` of docs.supabase.com, `bbc` of www.bbc.co.uk; not its top-level domain (nor a
    second-level one of three letters at most: co.uk, com.au) or a `www`."""
    host = site_host(host_of(address)) or ""
    labels = host.split(".")[:-1]
    if len(labels) > 1 and len(labels[-1]) <= 3:  # co.uk, com.au
        labels = labels[:-1]
    return tuple(label for label in labels if len(label) >= 2)
