"""Errors the services raise; the web layer turns each into a 4xx with its sentence."""

from __future__ import annotations


class ServiceError(Exception):
    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(ServiceError):
    status_code = 422


class NotFound(ServiceError):
    status_code = 404


class TooLarge(ServiceError):
    status_code = 413


class Duplicate(ServiceError):
    """The same text (same content hash) is already stored in this event."""

    status_code = 409

    def __init__(self, message: str, article_id: int) -> None:
        super().__init__(message)
        self.article_id = article_id


class UnsupportedMedia(ServiceError):
    """A fetched link is not an HTML page."""

    status_code = 415


class BadGateway(ServiceError):
    """A link could not be fetched: unreachable, timed out, or answered with an error."""

    status_code = 502
