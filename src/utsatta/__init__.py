"""utsatta: uppföljning av Göteborgs Stads handlingsplan för att inga områden ska vara
utsatta 2025."""

__version__ = "0.1.0"
