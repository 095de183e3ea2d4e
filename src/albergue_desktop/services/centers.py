"""Setting up a database: centers, areas, beds, users and the first administrator."""

from __future__ import annotations

import re

from sqlmodel import Session, func, select

from ..domain.enums import BedKind, BedStatus, Role
from ..domain.errors import AlbergueError, NotFoundError, RuleViolation
from ..domain.permissions import Permission, allows
from ..storage.db import Database
from ..storage.tables import Area, AuditEvent, Bed, Center, Meta, User
from ..storage.versioning import utcnow
from .auth import check_password_strength, hash_password
from .context import SYSTEM, Actor

_CODE_RE = re.compile(r"^[0-9]{1,3}$")
_PREFIX_RE = re.compile(r"^[A-Z]{2,4}$")


def normalize_center_code(code: str) -> str:
    code = code.strip()
    if not _CODE_RE.match(code):
        raise AlbergueError("The center code must be 1 to 3 digits.")
    return code.zfill(2)


def create_center(db: Database, actor: Actor, *, code: str, name: str, city_prefix: str = "MXL",
                  **fields) -> Center:
    actor.require(Permission.MANAGE_CENTERS)
    code = normalize_center_code(code)
    city_prefix = city_prefix.strip().upper()
    if not _PREFIX_RE.match(city_prefix):
        raise AlbergueError("The city prefix must be 2 to 4 letters.")
    with db.session(actor.username) as session:
        if session.exec(select(Center).where(Center.code == code)).first():
            raise RuleViolation("The center code {code} is already in use.", code=code)
        center = Center(code=code, name=name.strip(), city_prefix=city_prefix, **fields)
        session.add(center)
    return center


def create_area(db: Database, actor: Actor, *, center_id: str, name: str,
                segment: str = "families", area_m2: float | None = None) -> Area:
    actor.require(Permission.MANAGE_CENTERS)
    with db.session(actor.username) as session:
        if session.get(Center, center_id) is None:
            raise NotFoundError("center", center_id)
        area = Area(center_id=center_id, name=name.strip(), segment=segment, area_m2=area_m2)
        session.add(area)
    return area


def add_beds(db: Database, actor: Actor, *, area_id: str, count: int,
             kind: str = BedKind.COT, prefix: str | None = None) -> list[Bed]:
    """Create ``count`` beds in an area, numbered after the existing ones ("A-01", "A-02"...)."""
    actor.require(Permission.MANAGE_CENTERS)
    with db.session(actor.username) as session:
        area = session.get(Area, area_id)
        if area is None:
            raise NotFoundError("area", area_id)
        existing = session.exec(select(func.count()).select_from(Bed)
                                .where(Bed.area_id == area_id)).one()
        prefix = prefix if prefix is not None else (area.name.split()[-1][:3].upper() or "C")
        width = max(2, len(str(existing + count)))
        beds = [Bed(area_id=area_id, center_id=area.center_id, kind=str(BedKind(kind)),
                    status=BedStatus.AVAILABLE, code=f"{prefix}-{existing + i + 1:0{width}d}")
                for i in range(count)]
        session.add_all(beds)
    return beds


def create_user(db: Database, actor: Actor | None, *, username: str, full_name: str, role: str,
                password: str, center_id: str | None = None) -> User:
    """Create a user. ``actor`` None is only for the first administrator of a new file."""
    if actor is not None:
        actor.require(Permission.MANAGE_USERS)
    role = str(Role(role))
    username = username.strip().lower()
    password_hash = hash_password(password)
    with db.session(actor.username if actor else username) as session:
        if session.exec(select(User).where(User.username == username)).first():
            raise RuleViolation("The username {username} is already taken.", username=username)
        user = User(username=username, full_name=full_name.strip(), role=role,
                    center_id=center_id, password_hash=password_hash)
        session.add(user)
        access = [name for name, permission in (("health", Permission.VIEW_HEALTH),
                                                ("protection", Permission.PROTECTION))
                  if allows(role, permission)]
        if access:  # listed for supervisors (services.accounts.sensitive_role_grants)
            session.add(AuditEvent(at=utcnow(), username=actor.username if actor else username,
                                   action="grant_sensitive_role", table_name="app_user",
                                   row_id=user.id, changes={"user": username,
                                                            "role": [None, role],
                                                            "access": access}))
    db.wrap_key_for(username, password)
    return user


def init_center_database(db: Database, *, center_code: str, center_name: str,
                         city_prefix: str, admin_username: str, admin_password: str,
                         admin_full_name: str | None = None) -> tuple[Center, User]:
    """First-run setup of a center laptop: its center, the first administrator, and the
    center this file belongs to (meta ``center_id``)."""
    with db.session() as session:
        if session.exec(select(User)).first() is not None:
            raise RuleViolation("This database is already set up.")
    check_password_strength(admin_password)  # before anything is written
    center = create_center(db, SYSTEM, code=center_code, name=center_name,
                           city_prefix=city_prefix)
    admin = create_user(db, None, username=admin_username,
                        full_name=admin_full_name or admin_username, role=Role.ADMIN,
                        password=admin_password, center_id=center.id)
    with db.session(admin.username) as session:
        session.merge(Meta(key="center_id", value=center.id))
    return center, admin


def list_centers(db: Database) -> list[Center]:
    with db.read_session() as session:
        return list(session.exec(select(Center).where(Center.deleted == False)  # noqa: E712
                                 .order_by(Center.code)))


def centers_with_own(db: Database) -> tuple[list[Center], str | None]:
    """The live centers (by code) and the center this file belongs to (None: a central
    file), for the screens that offer a center and start on this laptop's."""
    with db.read_session() as session:
        listed = list(session.exec(select(Center).where(Center.deleted == False)  # noqa: E712
                                   .order_by(Center.code)))
        own = session.exec(select(Meta.value).where(Meta.key == "center_id")).first()
    return listed, own


def find_center(session: Session, code_or_id: str) -> Center | None:
    center = session.get(Center, code_or_id)
    if center is None and _CODE_RE.match(code_or_id.strip()):
        center = session.exec(select(Center).where(
            Center.code == code_or_id.strip().zfill(2))).first()
    return center
