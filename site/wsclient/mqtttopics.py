"""MQTT topic filters: whether one is well formed, and which topics it matches."""

__all__ = ["filter_fault", "topic_matches"]


def filter_fault(topic_filter: str) -> str:
    """What is wrong with a topic filter ("" when nothing): `#` stands alone as its last
    level, `+` alone as a level (MQTT 5.0 §4.7.1), and a filter is not empty."""
    if not topic_filter:
        return "is empty"
    levels = topic_filter.split("/")
    for index, level in enumerate(levels):
        if "#" in level and (level != "#" or index != len(levels) - 1):
            return "has # other than alone as its last level"
        if "+" in level and level != "+":
            return "has + other than alone as a level"
    return ""


def topic_matches(topic_filter: str, topic: str) -> bool:
    """Whether an MQTT topic matches a filter: `+` one level, `#` the rest (MQTT 5.0 §4.7);
    a topic that starts with `$` is matched by no filter that starts with a wildcard."""
    if topic.startswith("$") and topic_filter[:1] in ("+", "#"):
        return False
    levels = topic.split("/")
    wanted = topic_filter.split("/")
    for index, level in enumerate(wanted):
        if level == "#":
            return True
        if index >= len(levels) or (level != "+" and level != levels[index]):
            return False
    return len(levels) == len(wanted)
