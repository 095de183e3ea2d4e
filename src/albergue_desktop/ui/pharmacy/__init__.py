"""The pharmacy, vaccination days and the weekly epidemiological notification."""
