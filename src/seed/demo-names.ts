/** Material for a believable Suzhou-area center. */
export const surnames = [
  '张',
  '王',
  '李',
  '赵',
  '陈',
  '刘',
  '杨',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '朱',
  '马',
  '胡',
  '郭',
  '林',
  '何',
  '高',
  '罗',
];
export const surnamePinyin: Record<string, string> = {
  张: 'zhang',
  王: 'wang',
  李: 'li',
  赵: 'zhao',
  陈: 'chen',
  刘: 'liu',
  杨: 'yang',
  黄: 'huang',
  周: 'zhou',
  吴: 'wu',
  徐: 'xu',
  孙: 'sun',
  朱: 'zhu',
  马: 'ma',
  胡: 'hu',
  郭: 'guo',
  林: 'lin',
  何: 'he',
  高: 'gao',
  罗: 'luo',
};
export const givenNames: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['艳', 'yan'],
  ['勇', 'yong'],
  ['军', 'jun'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['建华', 'jianhua'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'],
];

export const industries = [
  'government',
  'finance',
  'education',
  'healthcare',
  'manufacturing',
  'logistics',
  'energy',
  'media',
  'retail',
  'telecom',
];

/** Enterprise names by industry: the generator adds a district or branch to make them unique. */
export const customerNames: Record<string, string[]> = {
  government: ['苏州工业园区管委会', '苏州市公安局', '吴中区人民政府', '相城区行政审批局', '姑苏区税务局', '苏州市人民法院'],
  finance: ['江苏银行苏州分行', '苏州农商银行', '中国人寿苏州分公司', '东吴证券', '交通银行苏州分行', '苏州信托'],
  education: ['苏州大学', '西交利物浦大学', '苏州市教育局', '苏州工业职业技术学院', '苏州中学'],
  healthcare: ['苏州大学附属第一医院', '苏州市立医院', '苏州市疾控中心', '苏州九龙医院'],
  manufacturing: ['博世汽车部件(苏州)', '三星电子(苏州)半导体', '亨通光电', '苏州固锝电子', '沙钢集团', '恒力集团'],
  logistics: ['苏州港口集团', '顺丰速运苏州分公司', '苏州轨道交通集团', '东航物流苏州'],
  energy: ['国网苏州供电公司', '苏州燃气集团', '协鑫集团'],
  media: ['苏州广播电视总台', '苏州日报报业集团'],
  retail: ['苏州永旺梦乐城', '苏州印象城', '苏州人民商场'],
  telecom: ['苏州数据中心产业园', '苏州国际科技园'],
};

export const districts = ['园区', '姑苏', '吴中', '相城', '吴江', '高新', '昆山', '常熟', '张家港', '太仓'];
export const streets = [
  '星湖街',
  '金鸡湖大道',
  '干将路',
  '人民路',
  '苏州大道东',
  '东环路',
  '长江路',
  '木渎镇金山路',
  '独墅湖大道',
  '狮山路',
];

export const faultTitles = [
  '专线中断',
  '光缆被挖断',
  '传输设备告警',
  '链路丢包严重',
  '带宽跑不满',
  'VPN无法互通',
  '语音专线无拨号音',
  'PON口光功率异常',
];
export const consultationTitles = ['咨询带宽升级资费', '咨询IP地址扩容', '咨询账单明细', '咨询SLA赔付条款', '咨询专线迁移流程'];
export const complaintTitles = ['故障处理不及时', '装机延误', '客户经理联系不上', '账单与合同不符', '维护人员态度问题'];
export const genericTitles: Record<string, string[]> = {
  PRESALES_SUPPORT: ['新园区专线组网方案', '多分支MPLS-VPN方案', '数据中心互联投标支撑'],
  RESOURCE_CHECK: ['新址资源核查', '万兆专线资源核查', '机房到客户侧管道核查'],
  CIRCUIT_DISPATCH: ['省内数据专线调单', '互联网专线开通', '电路扩容调单'],
  CUTOVER_NOTICE: ['汇聚机房设备割接', 'OTN线路改造', '核心路由器版本升级'],
  HANDOVER_ACCEPTANCE: ['新建光缆交维验收', '传输设备交维验收', '集客接入点交维验收'],
  EMERGENCY: ['区域性网络中断', '客户数据泄露风险', '机房停电'],
};
export const notes = [
  '已电话联系客户确认',
  '已派单至运维部',
  '现场工程师已出发',
  '等待客户提供机房钥匙',
  '已催办相关部门',
  '客户确认业务恢复',
];
