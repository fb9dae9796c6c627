"""jianbao (剪报): clip Chinese newspaper pages into structured articles."""

__version__ = "0.1.0"
