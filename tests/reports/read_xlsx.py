#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads a workbook back with openpyxl for test_xlsxrenderer and prints, as JSON, what a
# spreadsheet shows: each sheet's name, frozen pane, autofilter and column widths, each
# cell's value, type, number format and weight, with a formula's cached value beside it, and
# the workbook's properties.
import datetime
import json
import sys

import openpyxl


def cell_json(cell, cached):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    entry = {
        "value": value,
        "type": cell.data_type,
        "isDate": bool(cell.is_date),
        "format": cell.number_format,
        "bold": bool(cell.font is not None and cell.font.b),
    }
    if cell.data_type == "f":
        entry["cached"] = cached
    return entry


def sheet_json(sheet, values):
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                cells[cell.coordinate] = cell_json(cell, values[cell.coordinate].value)
    return {
        "name": sheet.title,
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "widths": {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()},
        "cells": cells,
    }


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    sheets = [sheet_json(sheet, values[sheet.title]) for sheet in formulas.worksheets]
    properties = formulas.properties
    json.dump({
        "sheets": sheets,
        "properties": {
            "created": properties.created.isoformat() if properties.created else None,
            "creator": properties.creator,
            "title": properties.title,
        },
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
