"""The administrator's command line: ``./admin.sh COMMAND`` (``python -m server.admin``), run on the server by the
account that runs the app, against the store the app's settings name (``ANHUI_MAP_DB`` or
``ANHUI_MAP_DATABASE_URL``).

    check                 store reachable, schema version, fonts, static files; exit status 0 only if all is well
    migrate               a backup first, then the pending migrations
    backup [--dir D] [--keep N]   a backup archive into D (default ANHUI_MAP_BACKUP_DIR, var/backups), keeping the newest N
    restore FILE --yes    replace every table with a backup (an older schema's backup is migrated forward)
    reset-password USER   a new temporary password for USER (unlocked; changed at the next login)
    create-admin USER     a new 省级管理员 with a temporary password

Whoever can run this holds the store already (the DuckDB file, or the database's password in the environment), so
the command line does not log in; every change it makes is in the audit log as 命令行 (and in the log). With
PostgreSQL it is safe while the app runs. A DuckDB file admits one process: while the app holds it, the commands
say so and change nothing (stop the app, or use 用户与日志 in the browser).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import duckdb

import settings

OK, FAIL = "✓", "✗"
DEFAULT_DIR = Path(settings.BACKUP_DIR)


class Unavailable(Exception):
    """The store cannot be opened by this command; the message says why and what to do (Chinese)."""


def operator() -> str:
    """Who runs the command, as the audit log names them: 命令行（OS user）."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = str(os.getuid())
    return f"命令行（{who}）"


def open_store(migrating: bool = False, create: bool = False):
    """(pool or None, connection) of the store the settings name. Nothing is migrated here: a store older than this
    program is refused unless ``migrating`` (``./admin.sh migrate`` backs it up first); a missing DuckDB file is
    created empty at the current version if ``create`` (``restore`` onto a new server), else refused."""
    import queries

    if settings.DATABASE_URL:
        from queries import postgres

        try:
            pool = postgres.open_pool(settings.DATABASE_URL, 2)
            with pool.connection() as conn:
                conn.execute("select 1")
        except Exception as error:  # noqa: BLE001  (any reason: said in Chinese, as the server says it)
            from server.startup import refusal

            raise Unavailable(refusal(error).replace("无法启动：", "")) from None
        pool_con = pool, postgres.Connection(pool)
    elif not Path(settings.DB_PATH).exists():
        if not create:
            raise Unavailable(
                f"数据库文件 {settings.DB_PATH} 不存在（首次运行 ./run.sh 时创建；"
                "或用 ./admin.sh restore 从备份建立）。请核对 ANHUI_MAP_DB。"
            )
        return None, queries.connect(settings.DB_PATH)
    else:
        try:
            pool_con = None, duckdb.connect(str(settings.DB_PATH))
        except duckdb.IOException as error:
            raise Unavailable(
                f"数据库文件 {settings.DB_PATH} 正被运行中的服务占用：DuckDB 文件同一时间只允许一个进程"
                "打开。请先停止服务再运行本命令，或在页面“用户与日志”中操作；PostgreSQL 部署无此限制。"
                if "lock" in str(error).lower()
                else f"数据库文件 {settings.DB_PATH} 打不开：{error}"
            ) from None
    version, latest = schema_of(pool_con[1])
    if version > latest or (version < latest and not migrating):
        close(*pool_con)
        raise Unavailable(
            f"数据库版本 {version} 比本程序（{settings.VERSION}，数据库版本 {latest}）新，请使用新版本的程序。"
            if version > latest
            else f"数据库版本 {version} 旧于本程序的 {latest}：请先运行 ./admin.sh migrate（会先备份）。"
        )
    return pool_con


def schema_of(con) -> tuple[int, int]:
    """(the store's schema version, this program's), read without creating anything."""
    import queries

    try:
        version = int(queries.run(con, "schema_version").version[0])
    except Exception:  # noqa: BLE001  (no schema_version table: a new, empty store)
        version = 0
    return version, queries.LATEST_VERSION


def check(args) -> int:
    """Each requirement of a working server on one line; exit status 1 if any fails (``--install``: a DuckDB file
    not created yet is no failure: the first run creates it)."""
    from exports import fonts
    from geo.choropleth import leaflet_source

    problems = 0

    def line(ok: bool, text: str) -> None:
        nonlocal problems
        problems += not ok
        print(f"{OK if ok else FAIL} {text}")

    print(f"安徽省县域产业集群地图 {settings.VERSION}")
    try:
        import queries
        from queries import postgres

        pool, con = open_probe()
        try:
            version, latest = schema_of(con)
            counties = int(queries.run(con, "ready").counties[0]) if version else 0
        finally:
            close(pool, con)
        where = (
            f"PostgreSQL {postgres.describe(settings.DATABASE_URL)}"
            if settings.DATABASE_URL
            else f"DuckDB 文件 {settings.DB_PATH}"
        )
        line(True, f"数据库可用：{where}")
        line(
            version == latest,
            f"数据库版本 {version}（本程序 {latest}）" + ("" if version == latest else "：请运行 ./admin.sh migrate"),
        )
        line(counties > 0, f"区县数据 {counties} 个")
    except Unavailable as error:
        if getattr(args, "install", False) and not settings.DATABASE_URL and not Path(settings.DB_PATH).exists():
            print(f"○ 数据库文件 {settings.DB_PATH} 尚未创建：首次运行 ./run.sh 时创建（含演示数据）")
        else:
            line(False, f"数据库：{error}")
    for spec in (fonts.NOTO_SANS_SC, fonts.MICRO_HEI):
        try:
            found = fonts.find(spec)
            line(True, f"字体 {found.family}：{found.path}")
        except fonts.FontMissing as missing:
            line(False, str(missing))
    source = leaflet_source()
    line(source.joinpath("leaflet.js").is_file(), f"Leaflet 静态文件：{source}")
    print("全部正常。" if not problems else f"{problems} 项有问题。")
    return 0 if not problems else 1


def open_probe():
    """The store for ``check``: read-only on DuckDB (nothing created or migrated by looking), else ``open_store``."""
    import queries

    if settings.DATABASE_URL:
        return open_store(migrating=True)  # (check reports the version itself)
    if not Path(settings.DB_PATH).exists():
        raise Unavailable(f"数据库文件 {settings.DB_PATH} 不存在（首次运行 ./run.sh 时创建）。")
    try:
        return None, queries.connect_read_only(settings.DB_PATH)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise Unavailable(
                f"数据库文件 {settings.DB_PATH} 正被运行中的服务占用，本命令无法读取；服务的状态请看其 /readyz。"
            ) from None
        raise


def on_store(action, **opening):
    """``action(con)`` on the store (``open_store(**opening)``), closed afterwards; its result."""
    pool, con = open_store(**opening)
    try:
        return action(con)
    finally:
        close(pool, con)


def close(pool, con) -> None:
    if pool is not None:
        pool.close()
    elif hasattr(con, "close"):
        con.close()


def backup_command(args) -> int:
    from records import backup

    path = on_store(lambda con: backup.write(con, args.dir, args.keep, actor=operator()))
    print(f"{OK} 已备份到 {path}（{path.stat().st_size / 1e6:.1f} MB）")
    return 0


def migrate_command(args) -> int:
    """A backup, then the pending migrations (``open_store`` applies them as the app does at start)."""
    import queries
    from queries import postgres
    from records import backup

    pool, con = open_store(migrating=True)
    try:
        version, latest = schema_of(con)
        if version == latest:
            print(f"{OK} 数据库已是最新版本 {latest}，无需迁移。")
            return 0
        path = backup.write(
            con, args.dir, None, f"-before-migration-{version}", actor=operator(), record=version >= backup.AUDITED
        )
        print(f"{OK} 迁移前已备份到 {path}")
        if queries.is_postgres(con):
            with con.hold() as conn:
                applied = postgres.migrate(conn)
        else:
            applied = queries.migrate(con)
        print(f"{OK} 已从版本 {version} 迁移到 {latest}（{', '.join(map(str, applied)) or '无'}）")
    finally:
        close(pool, con)
    return 0


def restore_command(args) -> int:
    from records import backup

    if not args.yes:
        print(f"{FAIL} 恢复会用 {args.file.name} 替换当前全部数据。确认请加 --yes。", file=sys.stderr)
        return 2
    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"{FAIL} 读不到备份文件 {args.file}：{error.strerror}", file=sys.stderr)
        return 2
    counts = on_store(lambda con: backup.restore_archive(con, data, args.file.name, operator()), create=True)
    print(f"{OK} 已从 {args.file} 恢复 {len(counts)} 张表（{sum(counts.values()):,} 行）。")
    return 0


def reset_password_command(args) -> int:
    from records import accounts

    password = on_store(lambda con: accounts.operator_reset_password(con, args.user, operator()))
    print(
        f"{OK} 用户 {args.user} 的临时密码：{password}\n  （已解除锁定；登录后须修改。请当面或通过安全渠道交给本人。）"
    )
    return 0


def create_admin_command(args) -> int:
    from records import accounts

    password = on_store(
        lambda con: accounts.operator_create_admin(con, args.user, args.name or "省级管理员", operator())
    )
    print(f"{OK} 已新建省级管理员 {args.user}，临时密码：{password}\n  （登录后须修改。）")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="./admin.sh", description="安徽省县域产业集群地图：管理命令")
    commands = top.add_subparsers(dest="command", required=True, metavar="命令")
    checking = commands.add_parser("check", help="检查数据库、版本、字体与静态文件")
    checking.add_argument("--install", action="store_true", help="安装后检查：数据库文件尚未创建不算问题")
    checking.set_defaults(run=check)
    migrate = commands.add_parser("migrate", help="先备份，再把数据库升级到本程序的版本")
    migrate.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="备份目录（默认 ANHUI_MAP_BACKUP_DIR，即 var/backups）"
    )
    migrate.set_defaults(run=migrate_command)
    backup = commands.add_parser("backup", help="全库备份（zip）")
    backup.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="备份目录（默认 ANHUI_MAP_BACKUP_DIR，即 var/backups）"
    )
    backup.add_argument("--keep", type=int, default=None, help="只保留最新的 N 份")
    backup.set_defaults(run=backup_command)
    restore = commands.add_parser("restore", help="从备份恢复（替换全部数据；旧版本的备份先升级）")
    restore.add_argument("file", type=Path, help="备份文件（.zip）")
    restore.add_argument("--yes", action="store_true", help="确认替换当前全部数据")
    restore.set_defaults(run=restore_command)
    reset = commands.add_parser("reset-password", help="为用户生成临时密码（并解除锁定）")
    reset.add_argument("user", help="用户名")
    reset.set_defaults(run=reset_password_command)
    create = commands.add_parser("create-admin", help="新建省级管理员")
    create.add_argument("user", help="用户名")
    create.add_argument("--name", default=None, help="显示名称（默认“省级管理员”）")
    create.set_defaults(run=create_admin_command)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from streamlit import logger

    import logs

    logger.set_log_level("error")  # ("No runtime found" from Streamlit's caches, imported by the records)
    logs.setup(stream=sys.stderr)  # the log's lines (who changed what) beside the command's own output
    from records import Refused

    try:
        return args.run(args)
    except Unavailable as error:
        print(f"{FAIL} {error}", file=sys.stderr)
        return 2
    except Refused as refused:  # a restore refused, an unknown user…: the Chinese reason
        print(f"{FAIL} {refused}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
