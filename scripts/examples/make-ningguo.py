#!/usr/bin/env python3
"""Writes the Ningguo-style examples (run: /usr/bin/python3 scripts/examples/make-ningguo.py).

The same data three ways, so a test can hold the readers to the JSON:
  examples/ningguo-2013.csv   GB18030, a title row, Chinese headers, cells typed as people type them, a blank row,
                              a 合计 row and a note under the table (as Excel on Chinese Windows saves it);
  examples/ningguo.xlsx       a sheet per year (2012, 2013) with a merged two-row header, Excel's own numbers and dates,
                              and a sheet of notes (written with openpyxl, independently of the library's reader);
  examples/ningguo-2012.json, examples/ningguo-2013.json   the clean datasets.

城东社区 (division code 341881001001): 3,695 households, 11,085 residents, 5 community workers and 308 m² of rooms,
as published in an undated community profile; used for both years, the other fields left empty (not published).
Every other community is made up, and named so: (虚构).
"""
import csv, datetime, io, json, os
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'examples')
PUBLISHED = '城东社区的数字取自其社区简介(简介未注明日期)，两个年度均使用；其余社区均为虚构的示例数据。'
PUBLISHED_EN = "城东社区's figures are those published in its undated community profile, used for both years; every other community is made up."
FIELDS = ['id', 'name', 'kind', 'households', 'floatingHouseholds', 'residents', 'roomAreaM2', 'staff', 'roomsOnGroundFloor', 'oneStopWindow', 'streetSubsidyPaid', 'activeFrom']

def c(id, name, kind, h, fl, r, room, staff, gf, os_, sub, af=None):
    return dict(zip(FIELDS, [id, name, kind, h, fl, r, room, staff, gf, os_, sub, af]))

CHENGDONG = c('341881001001', '城东社区', 'urban', 3695, None, 11085, 308, 5, None, None, None)
DATA = {
    2012: [
        CHENGDONG,
        c('N02', '西苑社区(虚构)', 'urban', 3100, 150, 8000, 380, 5, True, False, 20000),
        c('N03', '南塘社区(虚构)', 'urban', 2880, 0, 7550, 300, 5, False, True, 30000),
        c('N04', '河畔社区(虚构)', 'urban', 3280, 200, 8700, 440, 5, True, False, 30000),
        c('N05', '港湾村社区(虚构)', 'rural', 815, None, 2640, None, None, None, None, 10000),
    ],
    2013: [
        CHENGDONG,
        c('N02', '西苑社区(虚构)', 'urban', 3120, 150, 8050, '402.5', 6, True, True, 30000),
        c('N03', '南塘社区(虚构)', 'urban', 2900, 0, 7600, 380, 5, False, True, 25000),
        c('N04', '河畔社区(虚构)', 'urban', 3300, 200, 8800, 440, 5, True, False, 30000),
        c('N05', '港湾村社区(虚构)', 'rural', 820, None, 2650, None, None, None, None, 30000, '2011-03-15'),
        c('N06', '新桥社区(虚构)', 'urban', 2600, 100, 7000, 350, 5, True, True, 15000, '2013-07-01'),
    ],
}

def clean(rec):
    out = {k: v for k, v in rec.items() if v is not None}
    if 'roomAreaM2' in out and isinstance(out['roomAreaM2'], str):
        pass
    return out

for year, rows in DATA.items():
    with open(os.path.join(ROOT, f'ningguo-{year}.json'), 'w', encoding='utf-8') as f:
        json.dump({'description': f'宁国市风格的示例数据，{year} 年。{PUBLISHED} / Ningguo-style example data, {year}. {PUBLISHED_EN}',
                   'year': year, 'communities': [clean(r) for r in rows]}, f, ensure_ascii=False, indent=2)
        f.write('\n')

# The CSV of 2013, typed as people type: thousands separators, spaces, full-width digits, units, 万, 是/√/有/Y/×, dates in Chinese.
HEAD = ['序号', '区划代码', '社区名称', '类型', '户数(户)', '流动人口户数', '常住人口(人)', '办公服务用房面积(㎡)', '社区工作者人数', '用房是否在一楼', '一站式服务窗口', '街道配套补助(元)', '成立日期']
TYPED = [
    ['1', '341881001001', '城东社区', '城市', '3,695', '', '11,085', '308㎡', '5', '', '', '', ''],
    ['2', 'N02', '西苑社区(虚构)', '城市', '3 120', '150', '８０５０', '402.5 m²', '6', '是', '√', '3万', ''],
    ['3', 'N03', '南塘社区(虚构)', '城镇', '2900户', '0', '7600人', '380平方米', '5', '否', '有', '2.5万元', ''],
    ['4', 'N04', '河畔社区(虚构)', '城市', '3300', '200', '8,800', '440', '5', 'Y', '×', '30000元', '-'],
    ['5', 'N05', '港湾村社区(虚构)', '农村', '820', '', '2650', '', '', '', '', '30,000', '2011/3/15'],
    ['6', 'N06', '新桥社区(虚构)', '城市', '2,600', '100', '7,000', '350', '5', '1', 'true', '15000', '2013年7月1日'],
]
buf = io.StringIO()
w = csv.writer(buf, lineterminator='\r\n')
w.writerow(['宁国市2013年城乡社区建设情况统计表'] + [''] * (len(HEAD) - 1))
w.writerow(HEAD)
for r in TYPED:
    w.writerow(r)
w.writerow([''] * len(HEAD))
hh = sum(r['households'] for r in DATA[2013]); res = sum(r['residents'] for r in DATA[2013])
w.writerow(['', '', '合计', '', f'{hh:,}', '', f'{res:,}', '', '', '', '', '', ''])
w.writerow(['注：' + PUBLISHED] + [''] * (len(HEAD) - 1))
with open(os.path.join(ROOT, 'ningguo-2013.csv'), 'wb') as f:
    f.write(buf.getvalue().encode('gb18030'))

# The workbook: a notes sheet, then a sheet per year with a title, a merged two-row header, numbers and dates as Excel keeps them.
wb = Workbook()
notes = wb.active
notes.title = '说明'
notes.append(['宁国市城乡社区建设情况(示例)'])
notes.append([PUBLISHED])
notes.append(['每个年度一个工作表；合计行不作为社区。'])
TOP = ['区划代码', '社区名称', '类型', '户数', '流动人口户数', '常住人口', '办公服务用房', None, '社区工作者人数', '一站式服务窗口', '街道配套补助(万元)', '成立日期']
BOTTOM = [None, None, None, None, None, None, '面积(㎡)', '是否在一楼', None, None, None, None]
for year, rows in DATA.items():
    ws = wb.create_sheet(str(year))
    ws.append([f'宁国市{year}年城乡社区建设情况统计表'])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TOP))
    ws['A1'].font = Font(bold=True, size=14)
    ws['A1'].alignment = Alignment(horizontal='center')
    ws.append(TOP)
    ws.append(BOTTOM)
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=8)
    for col in [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]:
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    for r in rows:
        yn = lambda v: None if v is None else ('是' if v else '否')
        room = None if r['roomAreaM2'] is None else float(r['roomAreaM2'])
        af = None if r['activeFrom'] is None else datetime.datetime.strptime(r['activeFrom'], '%Y-%m-%d')
        ws.append([r['id'], r['name'], '城市' if r['kind'] == 'urban' else '农村', r['households'], r['floatingHouseholds'], r['residents'],
                   room, yn(r['roomsOnGroundFloor']), r['staff'], yn(r['oneStopWindow']),
                   None if r['streetSubsidyPaid'] is None else r['streetSubsidyPaid'] / 10000, af])
        if af is not None:
            ws.cell(row=ws.max_row, column=12).number_format = 'yyyy"年"m"月"d"日"'
    ws.append([])
    ws.append([None, '合计', None, sum(r['households'] for r in rows), None, sum(r['residents'] for r in rows)])
wb.save(os.path.join(ROOT, 'ningguo.xlsx'))
print('written: ningguo-2012.json ningguo-2013.json ningguo-2013.csv ningguo.xlsx')
