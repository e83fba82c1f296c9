"""Generated snapshots of pfp's answers, committed so that every change is a reviewable diff."""
