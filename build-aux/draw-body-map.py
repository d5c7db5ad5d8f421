#!/usr/bin/env python3
"""Draw the Limber body map.

Usage:  python3 build-aux/draw-body-map.py > data/body-map.svg

The SVG is 1000x1000 with two views: <g id="front"> in x 0..500 (centre 250)
and <g id="back"> in x 500..1000 (centre 750).  Both views share the same
silhouette, so they have identical extents.

Everything is drawn once for the viewer's left half, with x relative to the
view's centre line, and mirrored for the other half.  Outlines are
Catmull-Rom splines written out as cubic Beziers.  Neighbouring regions are
built from shared boundary chains, so they touch without overlapping.  Region
edges that run along the silhouette are offset inwards, so a thin rim of the
body colour shows around the muscles.

Sides are anatomical.  In the front view the person faces the viewer, so the
person's right side is on the viewer's left.  In the back view the person's
right side is on the viewer's right.

Python 3 standard library only.
"""

import math
import sys


# ------------------------------------------------------------- geometry ---

def _cr_segment(p0, p1, p2, p3):
    c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
    c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
    return (p1, c1, c2, p2)


def _reflect(p, about):
    return (2 * about[0] - p[0], 2 * about[1] - p[1])


def cr(pts, closed=False):
    """Uniform Catmull-Rom spline through pts, as a list of cubic segments
    (p0, c1, c2, p3).  Open splines are symmetric under reversal, so a chain
    shared by two regions gives exactly the same curve in both."""
    n = len(pts)
    if closed:
        return [_cr_segment(pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n])
                for i in range(n)]
    if n == 2:
        a, b = pts
        return [(a, (a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
                 (a[0] + (b[0] - a[0]) * 2 / 3, a[1] + (b[1] - a[1]) * 2 / 3), b)]
    ext = [_reflect(pts[1], pts[0])] + list(pts) + [_reflect(pts[-2], pts[-1])]
    return [_cr_segment(ext[i - 1], ext[i], ext[i + 1], ext[i + 2]) for i in range(1, n)]


def blob(pts):
    """Closed smooth outline through pts."""
    return cr(pts, closed=True)


def bez(seg, t):
    p0, c1, c2, p3 = seg
    m = 1 - t
    a, b, c, d = m * m * m, 3 * m * m * t, 3 * m * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
            a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1])


def flatten(segs, n=24):
    out = [segs[0][0]]
    for s in segs:
        out += [bez(s, k / n) for k in range(1, n + 1)]
    return out


def area(poly):
    return sum(poly[i - 1][0] * poly[i][1] - poly[i][0] * poly[i - 1][1]
               for i in range(len(poly))) / 2


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def unit(v):
    length = math.hypot(v[0], v[1]) or 1
    return (v[0] / length, v[1] / length)


def rev(pts):
    return list(reversed(pts))


def inset(shape, a, b, d, step=16):
    """Points along the closed outline `shape` (cubic segments), walking in
    the outline's own direction from the point nearest a to the point nearest
    b, offset inwards by d and resampled every ~step units."""
    poly = flatten(shape, 24)[:-1]
    n = len(poly)
    sign = 1 if area(poly) > 0 else -1
    i0 = min(range(n), key=lambda i: dist(poly[i], a))
    i1 = min(range(n), key=lambda i: dist(poly[i], b))
    idx = [i0]
    while idx[-1] != i1:
        idx.append((idx[-1] + 1) % n)
    off = []
    for i in idx:
        p, q = poly[(i - 1) % n], poly[(i + 1) % n]
        tx, ty = unit((q[0] - p[0], q[1] - p[1]))
        off.append((poly[i][0] - ty * sign * d, poly[i][1] + tx * sign * d))
    acc = [0]
    for i in range(1, len(off)):
        acc.append(acc[-1] + dist(off[i], off[i - 1]))
    total = acc[-1]
    k = max(1, round(total / step))
    out = []
    j = 0
    for m in range(k + 1):
        s = total * m / k
        while j < len(off) - 2 and acc[j + 1] < s:
            j += 1
        t = (s - acc[j]) / ((acc[j + 1] - acc[j]) or 1)
        out.append((off[j][0] + (off[j + 1][0] - off[j][0]) * t,
                    off[j][1] + (off[j + 1][1] - off[j][1]) * t))
    return out


def _split(seg, t):
    p0, c1, c2, p3 = seg

    def lerp(a, b):
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    a1, b1, c3 = lerp(p0, c1), lerp(c1, c2), lerp(c2, p3)
    a2, b2 = lerp(a1, b1), lerp(b1, c3)
    mid = lerp(a2, b2)
    return (p0, a1, a2, mid), (mid, b2, c3, p3)


def _seg_len(seg, n=16):
    pts = [bez(seg, k / n) for k in range(n + 1)]
    return sum(dist(pts[k], pts[k + 1]) for k in range(n))


def _t_at(seg, length, from_end):
    """Curve parameter at arc length `length` from the start (or end)."""
    n = 64
    pts = [bez(seg, k / n) for k in range(n + 1)]
    if from_end:
        pts = pts[::-1]
    acc = 0
    for k in range(n):
        d = dist(pts[k], pts[k + 1])
        if acc + d >= length:
            f = (k + (length - acc) / d) / n
            return 1 - f if from_end else f
        acc += d
    return 0 if from_end else 1


def chains(*chs, r=5):
    """Closed outline made of Catmull-Rom chains joined end to start (each
    chain's first point is snapped to the previous chain's last point).
    Convex corners between chains are rounded off with radius ~r; rounding a
    convex corner only removes area, so shared edges never start to overlap."""
    parts = []
    prev = None
    for ch in chs:
        ch = list(ch)
        if prev is not None:
            ch[0] = prev
        parts.append(cr(ch))
        prev = ch[-1]
    p0, c1, c2, _ = parts[-1][-1]
    parts[-1][-1] = (p0, c1, c2, parts[0][0][0])
    orient = 1 if area(flatten([s for p in parts for s in p], 8)) > 0 else -1
    n = len(parts)
    joins = [None] * n
    for k in range(n if r > 0 else 0):
        a_seg, b_seg = parts[k][-1], parts[(k + 1) % n][0]
        tin = unit((a_seg[3][0] - a_seg[2][0], a_seg[3][1] - a_seg[2][1]))
        tout = unit((b_seg[1][0] - b_seg[0][0], b_seg[1][1] - b_seg[0][1]))
        if (tin[0] * tout[1] - tin[1] * tout[0]) * orient <= 0.05:
            continue  # straight or concave corner: keep it
        ra = min(r, 0.45 * _seg_len(a_seg))
        rb = min(r, 0.45 * _seg_len(b_seg))
        a_keep = _split(a_seg, _t_at(a_seg, ra, True))[0]
        b_keep = _split(b_seg, _t_at(b_seg, rb, False))[1]
        parts[k][-1] = a_keep
        parts[(k + 1) % n][0] = b_keep
        pa, pb = a_keep[3], b_keep[0]
        ua = unit((a_keep[3][0] - a_keep[2][0], a_keep[3][1] - a_keep[2][1]))
        ub = unit((b_keep[1][0] - b_keep[0][0], b_keep[1][1] - b_keep[0][1]))
        h = 0.55 * min(ra, rb)
        joins[k] = (pa, (pa[0] + ua[0] * h, pa[1] + ua[1] * h),
                    (pb[0] - ub[0] * h, pb[1] - ub[1] * h), pb)
    segs = []
    for k in range(n):
        segs += parts[k]
        if joins[k]:
            segs.append(joins[k])
    return segs


def mirror(segs):
    """Mirror an outline about the view's centre line (x -> -x)."""
    return [tuple((-p[0], p[1]) for p in reversed(s)) for s in reversed(segs)]


def _num(v):
    s = '%.1f' % v
    if s.endswith('.0'):
        s = s[:-2]
    return '0' if s == '-0' else s


def _pt(p, cx):
    return _num(p[0] + cx) + ',' + _num(p[1])


def path_d(segs, cx, close=True):
    out = ['M' + _pt(segs[0][0], cx)]
    for s in segs:
        out.append('C' + _pt(s[1], cx) + ' ' + _pt(s[2], cx) + ' ' + _pt(s[3], cx))
    return ' '.join(out) + ('Z' if close else '')


# ----------------------------------------------------------- silhouette ---
# Viewer-left half, x relative to the view's centre.  Head top y=31, soles
# y=970; shoulders at y~200, waist y~400, crotch y~515, knees y~725.

# The arm hangs 15 degrees out from the body.  A(u, v) maps arm coordinates
# (u along the arm from the shoulder joint, v sideways, positive = lateral)
# to the page.  Elbow at u~186, wrist at u~320, fingertips at u~417.
ARM_ANGLE = math.radians(15)
SHOULDER = (-95.0, 214.0)
ARM_DOWN = (-math.sin(ARM_ANGLE), math.cos(ARM_ANGLE))
ARM_OUT = (-math.cos(ARM_ANGLE), -math.sin(ARM_ANGLE))


def A(u, v):
    return (SHOULDER[0] + u * ARM_DOWN[0] + v * ARM_OUT[0],
            SHOULDER[1] + u * ARM_DOWN[1] + v * ARM_OUT[1])


def AP(pts):
    return [A(u, v) for u, v in pts]


def _symmetric(left):
    """Closed point list from a left half running top centre -> bottom centre."""
    return left + [(-x, y) for x, y in reversed(left[1:-1])]


HEAD = blob(_symmetric([
    (0, 31), (-20, 33), (-35, 42), (-44, 58), (-47, 80), (-46, 102), (-41, 122),
    (-32, 139), (-20, 150), (-9, 154), (0, 155)]))

# neck, shoulders and torso down to the hips (the legs cover its lower edge)
_TRUNK_LEFT = [
    (-23, 118), (-24, 148), (-27, 168), (-35, 180), (-56, 189), (-80, 196),
    (-98, 202), (-106, 214), (-104, 236), (-99, 260), (-96, 286), (-91, 318),
    (-84, 352), (-79, 386), (-80, 414), (-88, 444), (-95, 472), (-90, 500),
    (-60, 522), (-30, 528)]
TRUNK = blob(_TRUNK_LEFT + [(0, 526)] + [(-x, y) for x, y in reversed(_TRUNK_LEFT)])

ARM = blob(AP([
    (-15, -3), (-9, 8), (2, 23), (19, 31), (45, 30), (75, 26), (100, 24.5),
    (128, 25.5), (158, 23.5), (184, 21), (204, 25), (228, 26), (262, 22), (295, 17),
    (312, 15), (324, 12), (324, -11), (312, -14), (290, -16), (255, -21), (228, -24),
    (205, -23), (186, -20.5), (163, -24), (134, -28), (105, -26.5), (80, -24),
    (40, -24), (0, -22)]))

# mitten-like hand with the thumb on the lateral side (anatomical position)
HAND = blob(AP([
    (306, 14.5), (322, 17), (338, 23), (353, 28.5), (366, 31.5), (377, 31.5),
    (384, 27.5), (386, 22.5), (390, 19.5), (399, 18.5), (408, 15), (414.5, 7.5),
    (417, -2.5), (413, -12.5), (401, -19), (380, -21.5), (356, -21), (334, -18),
    (318, -15), (306, -14), (300, 0)]))

# leg and foot: outer edge down, round the foot, inner edge back up
LEG = blob([
    (-60, 432), (-86, 441), (-97, 472), (-102, 505), (-103, 545), (-100, 590),
    (-94, 635), (-87, 680), (-82, 712), (-81, 740), (-85, 770), (-86, 800),
    (-81, 835), (-72, 870), (-64, 900), (-62, 916), (-65, 928), (-70, 941),
    (-78, 953), (-82, 962), (-78, 968), (-64, 970), (-48, 970), (-36, 968.5),
    (-30, 963), (-30, 954), (-32, 943), (-34, 932), (-37, 920), (-38, 905),
    (-30, 875), (-21, 840), (-17, 800), (-20, 765), (-22, 740), (-22, 712),
    (-19, 680), (-15, 630), (-11, 580), (-7, 540), (-4, 515), (-20, 490),
    (-45, 462)])


def body_paths(cx):
    paths = [path_d(TRUNK, cx), path_d(HEAD, cx)]
    for shape in (ARM, HAND, LEG):
        paths.append(path_d(shape, cx))
        paths.append(path_d(mirror(shape), cx))
    return paths


# -------------------------------------------------------------- regions ---

def front_half():
    """Front view regions on the viewer's left (= the person's right)."""
    R = {}
    # neck, split on the midline
    R['neck'] = chains([(0, 161), (-10, 160), (-21, 156)],
                       [(-21, 156), (-21.5, 167), (-26, 178), (-38, 186.5)],
                       [(-38, 186.5), (-18, 189.5), (0, 190)],
                       [(0, 190), (0, 161)])
    # front deltoid; dl3 is the deltopectoral groove shared with the chest
    oc = inset(ARM, A(-9, 8), A(86, 28), 4)
    top, tip = oc[0], oc[-1]
    dl0 = [(-80, 205), (-86, 204.5), top]
    dl1 = [tip, A(84, 8), A(72, 0)]
    dl2 = [A(72, 0), A(56, -7), A(32, -11)]
    dl3 = [A(32, -11), A(14, -11), (-85, 214), (-80, 205)]
    R['shoulder'] = chains(dl0, oc, dl1, dl2, dl3)
    R['chest'] = chains(dl3,
                        [(-80, 205), (-50, 201), (-26, 199), (-5, 199)],
                        [(-5, 199), (-5, 240), (-5, 281)],
                        [(-5, 281), (-26, 292), (-52, 293), (-76, 282), A(32, -11)])
    lat = inset(ARM, tip, A(170, 24), 4)
    med = inset(ARM, A(168, -23), A(102, -25), 4)
    R['biceps'] = chains(rev(dl1), lat,
                         [lat[-1], A(176, 2), med[0]],
                         med,
                         [med[-1], A(88, -13), A(72, 0)])
    fl = inset(ARM, A(200, 25), A(310, 15), 4)
    fm = inset(ARM, A(310, -14), A(200, -24), 4)
    R['forearm'] = chains(fl, [fl[-1], A(314, 0), fm[0]], fm, [fm[-1], A(193, 0), fl[0]])
    hh = inset(HAND, A(333, 20), A(333, -17), 3.5, step=10)
    R['hand'] = chains(hh, [hh[-1], A(329, 0), hh[0]])
    # abdomen: one centred region, built symmetric
    side = inset(TRUNK, (-91, 318), (-86, 440), 4)
    rside = [(-x, y) for x, y in reversed(side)]
    top = [rside[-1], (76, 309), (54, 305), (28, 300), (0, 292),
           (-28, 300), (-54, 305), (-76, 309), side[0]]
    bottom = [side[-1], (-70, 452), (-42, 468), (0, 479), (42, 468), (70, 452), rside[0]]
    R['abdomen'] = chains(top, side, bottom, rside)
    # hip flexors: a lozenge in the hip crease
    R['hip-flexors'] = blob([(-88, 461), (-66, 466), (-44, 477), (-27, 490), (-17, 503),
                             (-22, 511), (-42, 504), (-65, 493), (-88, 484), (-95, 473)])
    # thigh: IT band (outer strip) | quadriceps | adductors (inner)
    itb = inset(LEG, (-99, 493), (-84, 690), 4)
    IQ = [(-83, 496), (-79, 540), (-76, 600), (-72.5, 655), (-70, 697)]
    QA = [(-31, 519), (-37, 560), (-35, 610), (-27, 648), (-22, 667)]
    R['it-band'] = chains(itb, [itb[-1], (-78, 703), IQ[-1]], rev(IQ),
                          [IQ[0], (-92, 492), itb[0]])
    R['quadriceps'] = chains(IQ, [IQ[-1], (-62, 711), (-44, 713), (-30, 705), (-24.5, 688), QA[-1]],
                             rev(QA), [QA[0], (-46, 510), (-66, 500), IQ[0]])
    add = inset(LEG, (-17, 667), (-9, 522), 4)
    R['adductors'] = chains(QA, [QA[-1], add[0]], add, [add[-1], (-20, 520), QA[0]])
    # lower leg: peroneals (outer) | shin (front and inner)
    SP = [(-58, 753), (-60, 790), (-59, 832), (-56, 870)]
    shin = inset(LEG, (-37, 893), (-23, 757), 4)
    R['shin'] = chains(SP, [SP[-1], (-53, 889), (-46, 897), shin[0]], shin,
                       [shin[-1], (-40, 750), SP[0]])
    pero = inset(LEG, (-80, 758), (-71, 866), 4)
    R['peroneals'] = chains(pero, [pero[-1], (-63, 878), SP[-1]], rev(SP),
                            [SP[0], (-70, 752), pero[0]])
    return R


def back_half():
    """Back view regions on the viewer's left (= the person's left)."""
    R = {}
    # neck, split on the midline; TN is shared with the upper trapezius
    TN = [(-24.5, 171), (-20, 183), (-12, 193), (0, 198)]
    R['neck'] = chains([(0, 161), (-10, 160), (-21, 156)],
                       [(-21, 156), (-21.8, 164), TN[0]],
                       TN, [TN[-1], (0, 161)])
    slope = inset(TRUNK, (-28, 174), (-92, 201), 4)
    TB = [(0, 198), (-24, 210), (-50, 217), (-72, 221), (-88, 222)]
    R['upper-trapezius'] = chains(rev(TN), [TN[0], slope[0]], slope,
                                  [slope[-1], (-95, 208), (-94, 217), TB[-1]], rev(TB))
    # rear deltoid, triceps, forearm
    oc = inset(ARM, A(-8, 12), A(86, 28), 4)
    top, tip = oc[0], oc[-1]
    dl1 = [tip, A(84, 8), A(72, 0)]
    R['shoulder'] = chains(oc, dl1, [A(72, 0), A(52, -8), A(26, -10), A(8, -6), top])
    lat = inset(ARM, tip, A(170, 24), 4)
    med = inset(ARM, A(168, -23), A(102, -25), 4)
    R['triceps'] = chains(rev(dl1), lat,
                          [lat[-1], A(176, 2), med[0]],
                          med,
                          [med[-1], A(88, -13), A(72, 0)])
    fl = inset(ARM, A(200, 25), A(310, 15), 4)
    fm = inset(ARM, A(310, -14), A(200, -24), 4)
    R['forearm'] = chains(fl, [fl[-1], A(314, 0), fm[0]], fm, [fm[-1], A(193, 0), fl[0]])
    # upper back (spine to shoulder blade), lats, lower back; the shoulder
    # blade itself is left as underlay between them
    UBO = [(-52, 226), (-57, 262), (-60, 302)]
    UBB = [(-60, 302), (-34, 316), (-6, 326)]
    R['upper-back'] = chains([(-6, 326), (-6, 275), (-6, 222)],
                             [(-6, 222), (-20, 217), (-36, 219), (-52, 226)], UBO, UBB)
    lside = inset(TRUNK, (-95, 292), (-81, 400), 4)
    LB = [(-6, 368), (-30, 380), (-56, 393), lside[-1]]
    R['lats'] = chains(UBB, [(-6, 326), (-6, 368)], LB, rev(lside),
                       [lside[0], (-82, 296), (-70, 301), (-60, 302)])
    bside = inset(TRUNK, lside[-1], (-87, 442), 4)
    R['lower-back'] = chains(rev(LB), [(-6, 368), (-6, 415), (-6, 463)],
                             [(-6, 463), (-30, 459), (-60, 451), bside[-1]], rev(bside))
    # hip: piriformis band above the glutes
    R['piriformis'] = blob([(-12, 482), (-18, 474), (-40, 474), (-64, 480), (-86, 490),
                            (-97, 498), (-95, 507), (-84, 506), (-62, 498), (-40, 493),
                            (-18, 491)])
    gout = inset(LEG, (-100, 522), (-94, 566), 4)
    gin = inset(LEG, (-10, 566), (-4, 517), 4)
    R['glutes'] = chains([(-13, 499), (-40, 500), (-62, 505), (-84, 513), gout[0]], gout,
                         [gout[-1], (-88, 580), (-72, 591), (-50, 595), (-30, 591),
                          (-16, 580), gin[0]],
                         gin, [gin[-1], (-7, 507), (-9, 501), (-13, 499)])
    # legs
    hout = inset(LEG, (-99, 590), (-84, 702), 4)
    hin = inset(LEG, (-20, 702), (-12, 594), 4)
    R['hamstrings'] = chains(hout, [hout[-1], (-68, 705), (-52, 697), (-36, 705), hin[0]], hin,
                             [hin[-1], (-30, 600), (-52, 603), (-74, 599), (-90, 590), hout[0]])
    cout = inset(LEG, (-81, 756), (-70, 866), 4)
    cin = inset(LEG, (-29, 868), (-21, 756), 4)
    R['calves'] = chains(cout, [cout[-1], (-60, 874), (-50, 879), (-40, 874), cin[0]], cin,
                         [cin[-1], (-36, 749), (-46, 752), (-52, 758), (-58, 752), (-70, 750),
                          cout[0]])
    R['achilles'] = blob([(-51, 886), (-43, 889), (-41.5, 905), (-41.5, 920), (-49.5, 926),
                          (-57.5, 921), (-59.5, 905), (-59, 889)])
    sole = inset(LEG, (-66, 935), (-31, 936), 3.5)
    R['foot-sole'] = chains(sole, [sole[-1], (-42, 934.5), (-50, 932.5), (-58, 934), sole[0]])
    return R


# --------------------------------------------------------------- output ---

STYLE = ('.body { fill: #deddda; }  '
         '.region { fill: #c0bfbc; stroke: #fafafa; stroke-width: 2.5; '
         'stroke-linejoin: round; }  '
         '.detail { fill: none; stroke: #9a9996; stroke-width: 1.5; '
         'stroke-linecap: round; }')

FRONT_ORDER = ['neck', 'shoulder', 'chest', 'biceps', 'forearm', 'hand', 'abdomen',
               'hip-flexors', 'quadriceps', 'it-band', 'adductors', 'shin', 'peroneals']
BACK_ORDER = ['neck', 'upper-trapezius', 'shoulder', 'upper-back', 'lats', 'lower-back',
              'triceps', 'forearm', 'piriformis', 'glutes', 'hamstrings', 'calves',
              'achilles', 'foot-sole']


def front_regions(cx):
    half = front_half()
    out = []
    for name in FRONT_ORDER:
        segs = half[name]
        if name == 'abdomen':
            out.append(('front-abdomen', path_d(segs, cx)))
        else:
            # drawn on the viewer's left, which is the person's right
            out.append(('front-%s-right' % name, path_d(segs, cx)))
            out.append(('front-%s-left' % name, path_d(mirror(segs), cx)))
    return out


def back_regions(cx):
    half = back_half()
    out = []
    for name in BACK_ORDER:
        segs = half[name]
        # drawn on the viewer's left, which is the person's left
        out.append(('back-%s-right' % name, path_d(mirror(segs), cx)))
        out.append(('back-%s-left' % name, path_d(segs, cx)))
    return out


def back_details(cx):
    spine = cr([(0, 206), (0, 330), (0, 458)])
    return [path_d(spine, cx, close=False)]


def svg():
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Limber body map. Generated by build-aux/draw-body-map.py; do not edit. -->',
           '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
           'width="1000" height="1000" viewBox="0 0 1000 1000">',
           '  <style type="text/css">' + STYLE + '</style>']
    views = (('front', 250, front_regions(250), []),
             ('back', 750, back_regions(750), back_details(750)))
    for gid, cx, regions, details in views:
        out.append('  <g id="%s">' % gid)
        for d in body_paths(cx):
            out.append('    <path class="body" d="%s"/>' % d)
        for rid, d in regions:
            out.append('    <path class="region" id="%s" d="%s"/>' % (rid, d))
        for d in details:
            out.append('    <path class="detail" d="%s"/>' % d)
        out.append('  </g>')
    out.append('</svg>')
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    sys.stdout.write(svg())
