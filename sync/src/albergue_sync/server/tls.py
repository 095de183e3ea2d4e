"""The server's self-signed certificate: made with ``cryptography`` at first start, kept in
the certificate folder (key readable by the owner only), pinned by every enrolled center.

Centers do not trust a certificate authority: the enrollment code carries the first 16
bytes of the SHA-256 of the certificate (DER), the center checks the certificate the server
presents against it once, then stores the certificate and trusts only it
(:func:`client_context`). A new certificate means enrolling the centers again."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import socket
import ssl
from pathlib import Path

CERT_NAME, KEY_NAME = "server-cert.pem", "server-key.pem"
FINGERPRINT_BYTES = 16  # 128 bits of SHA-256 in the enrollment code
VALID_DAYS = 3650


def ensure_certificate(folder: Path, hosts: list[str] | None = None) -> tuple[Path, Path]:
    """The certificate and key in ``folder``, made when missing. Returns (cert, key)."""
    from cryptography import x509  # noqa: PLC0415 (only the server needs it)
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    cert_path, key_path = folder / CERT_NAME, folder / KEY_NAME
    if cert_path.exists() and key_path.exists():
        return cert_path, key_path
    key = ec.generate_private_key(ec.SECP256R1())
    names = sorted({"localhost", socket.gethostname(), *(hosts or [])})
    alt: list[x509.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    alt.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Albergue central"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Albergue")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    key_tmp, cert_tmp = key_path.with_suffix(".tmp"), cert_path.with_suffix(".tmp")
    fd = os.open(key_tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM,
                                   serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
    cert_tmp.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.replace(key_tmp, key_path)
    os.replace(cert_tmp, cert_path)
    return cert_path, key_path


def fingerprint_pem(pem: str) -> bytes:
    """SHA-256 of the certificate's DER bytes."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).digest()


def fingerprint_file(cert_path: Path) -> bytes:
    return fingerprint_pem(Path(cert_path).read_text("ascii"))


def client_context(pem: str) -> ssl.SSLContext:
    """TLS context of a center: trusts only the pinned certificate ``pem`` (no system
    authorities). The host name is not checked: the centers reach the central machine by
    whatever address works that day, and the pinned certificate is the identity."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=pem)
    return context


def fetch_certificate(host: str, port: int, timeout: float = 10.0) -> str:
    """The certificate a server presents (PEM), read without trusting it: only to compare
    with the fingerprint of an enrollment code."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=timeout) as sock:
        with context.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    if not der:
        raise ssl.SSLError("no certificate")
    return ssl.DER_cert_to_PEM_cert(der)
