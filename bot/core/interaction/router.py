"""One router from commands, buttons and form submits to the core's handlers, for every face.

A face turns what its platform sent into an ``Actor`` and plain values, calls ``command``,
``press`` or ``submit``, and renders what comes back: a ``Reply``, a ``Form`` to open, or a
``Refusal`` of a submitted form. Errors are mapped here, once; a face never decides what a
refusal says or who may see it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.interaction.actor import Actor
from bot.core.interaction.failures import (
    StaleButtonError,
    UnknownCommandError,
    error_reply,
    reply_for_error,
)
from bot.core.interaction.forms import Form, Refusal, joined, keep_draft
from bot.core.interaction.ids import ActionId
from bot.core.interaction.options import Command, OptionValue, parse_text
from bot.core.replies import Reply
from bot.core.services import Services

Response = Reply | Form | Refusal
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Call:
    """What a handler gets: who acts, the services, and the command's options or the id's arg."""

    actor: Actor
    services: Services
    options: Mapping[str, OptionValue] = field(default_factory=dict)
    arg: str = ""
    values: Mapping[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Awaitable[Response]]
# Told where a public reply with a ``ref`` was posted: (the ref's arg, channel, message id).
Posted = Callable[[Services, str, str, str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A response and the one word the face logs for it (``ok``, ``refused:…``, ``error``)."""

    response: Response
    status: str = "ok"


@dataclass(frozen=True, slots=True)
class _Route:
    handler: Handler
    private: bool
    labels: Mapping[str, str] = field(default_factory=dict)
    opens_form: bool = False
    private_arg: Callable[[str], bool] | None = None


class Router:
    """Every command, button and form of the bot, by name and ``feature:action``."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.commands: dict[str, Command] = {}
        self._commands: dict[str, _Route] = {}
        self._buttons: dict[str, _Route] = {}
        self._forms: dict[str, _Route] = {}
        self._posted: dict[str, Posted] = {}

    def add_command(self, spec: Command, handler: Handler) -> None:
        self.commands[spec.name] = spec
        self._commands[spec.name] = _Route(handler, spec.private, opens_form=spec.opens_form)

    def add_button(
        self, route: str, handler: Handler, *, private: bool = True, opens_form: bool = False
    ) -> None:
        """Answer ids ``<route>:<arg>``; ``private`` is the default visibility of the answer."""
        self._buttons[route] = _Route(handler, private, opens_form=opens_form)

    def add_form(
        self,
        route: str,
        handler: Handler,
        *,
        labels: Mapping[str, str] | None = None,
        private: Callable[[str], bool] | None = None,
    ) -> None:
        """Answer submits of forms whose id is ``<route>:<arg>``.

        ``labels`` maps each field to the catalogue key that names it in a kept draft;
        ``private`` tells from the form's arg whether its answer will be private, for a
        platform that must choose before the answer exists (a deferred reply).
        """
        self._forms[route] = _Route(handler, False, labels or {}, private_arg=private)

    def add_posted(self, feature: str, handler: Posted) -> None:
        """Hear where a face posted a public reply whose ``ref`` is ``<feature>:<arg>``."""
        self._posted[feature] = handler

    async def posted(self, ref: str, channel: str, message_id: str) -> None:
        """A face posted a reply with ``ref`` as ``message_id`` in ``channel``; never raises."""
        feature, _, arg = ref.partition(":")
        handler = self._posted.get(feature)
        if handler is None or not arg:
            return
        try:
            await handler(self.services, arg, channel, message_id)
        except Exception:
            log.exception("remembering where %s was posted failed", ref)

    def expects(self, kind: str, name: str) -> tuple[bool, bool]:
        """``(private, opens_form)`` of what ``name`` will answer, before it is asked.

        ``kind`` is ``command``, ``button`` or ``form``; unknown names answer privately.
        """
        if kind == "command":
            route = self._commands.get(name)
        else:
            parsed = ActionId.parse(name)
            table = self._buttons if kind == "button" else self._forms
            route = table.get(parsed.route) if parsed else None
            if route is not None and route.private_arg is not None and parsed is not None:
                return route.private_arg(parsed.arg), False
        if route is None:
            return True, False
        return route.private, route.opens_form

    async def command_text(self, actor: Actor, name: str, text: str) -> Outcome:
        """A command typed as one line (console, Slack): its options are read from the text."""
        spec = self.commands.get(name)
        if spec is None:
            return self._refused(UnknownCommandError(command=f"/{name}"[:40]), actor)
        try:
            options = parse_text(spec, text)
        except StudyBotError as error:
            return self._refused(error, actor)
        return await self.command(actor, name, options)

    async def command(
        self, actor: Actor, name: str, options: Mapping[str, OptionValue] | None = None
    ) -> Outcome:
        route = self._commands.get(name)
        if route is None:
            return self._refused(UnknownCommandError(command=f"/{name}"[:40]), actor)
        call = Call(actor, self.services, options=options or {})
        return await self._run(route, call, f"command /{name}")

    async def press(self, actor: Actor, custom_id: str) -> Outcome:
        """A clicked button, by its id; a forged or retired id is refused politely."""
        parsed = ActionId.parse(custom_id)
        route = self._buttons.get(parsed.route) if parsed else None
        if parsed is None or route is None:
            return self._refused(StaleButtonError(), actor)
        return await self._run(route, Call(actor, self.services, arg=parsed.arg), parsed.route)

    async def submit(self, actor: Actor, form_id: str, values: Mapping[str, str]) -> Outcome:
        """A submitted form; a refusal keeps every word the member typed."""
        parsed = ActionId.parse(form_id)
        route = self._forms.get(parsed.route) if parsed else None
        if parsed is None or route is None:
            return self._refused(StaleButtonError(), actor)
        typed = joined(values)
        call = Call(actor, self.services, arg=parsed.arg, values=typed)
        try:
            response = await route.handler(call)
        except StudyBotError as error:
            refusal = error_reply(error, actor.locale)
            named = str(error.params.get("name", ""))
            target = named if named in typed else next(iter(typed), "")
            errors = {target: refusal.body} if target else {}
            kept = keep_draft(refusal, typed, _labels(route, actor))
            return Outcome(Refusal(kept, errors, typed), f"refused:{type(error).__name__}")
        except Exception as error:
            where = f"{actor.request} form {parsed.route}".strip()
            reply, status = reply_for_error(error, actor.locale, where=where)
            return Outcome(keep_draft(reply, typed, _labels(route, actor)), status)
        return Outcome(_visible(response, route.private))

    async def _run(self, route: _Route, call: Call, where: str) -> Outcome:
        try:
            response = await route.handler(call)
        except Exception as error:
            where = f"{call.actor.request} {where}".strip()
            reply, status = reply_for_error(error, call.actor.locale, where=where)
            return Outcome(reply, status)
        return Outcome(_visible(response, route.private))

    @staticmethod
    def _refused(error: StudyBotError, actor: Actor) -> Outcome:
        return Outcome(error_reply(error, actor.locale), f"refused:{type(error).__name__}")


def _visible(response: Response, private: bool) -> Response:
    """A route's private default applies unless the handler already made its reply private."""
    if isinstance(response, Reply) and private and not response.ephemeral:
        return dataclasses.replace(response, ephemeral=True)
    return response


def _labels(route: _Route, actor: Actor) -> dict[str, str]:
    return {name: t(key, actor.locale) for name, key in route.labels.items()}
